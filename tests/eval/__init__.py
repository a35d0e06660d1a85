"""Evaluation of figures and claims on real news (`make eval`)."""
