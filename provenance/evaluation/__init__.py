"""Scoring against hand annotations: the seeds' gold files, PolNeAR and GVDB."""
