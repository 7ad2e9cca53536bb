"""Language data, one sub-package per language (only ``vi`` for now)."""
