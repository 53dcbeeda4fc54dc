"""``claimcheck units``: show what was read from reports (placeholder until the reader lands)."""
