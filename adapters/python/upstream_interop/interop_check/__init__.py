"""The modules of the upstream SDK interop check (entry point: ../check_upstream.py)."""
