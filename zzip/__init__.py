"""zzip: check a government implementation plan and its quarterly status reports."""

__version__ = "0.1.0"
