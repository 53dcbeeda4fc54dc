"""claimcheck: hold public statements up against the inspection report they talk about."""

__version__ = "0.1.0"
