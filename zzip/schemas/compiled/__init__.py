"""Generated schema validators (zzip/schemas/compile_validators.py)."""
