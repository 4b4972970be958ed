"""Extraction stages, one module each, found by name in :mod:`provenance.extract.registry`."""
