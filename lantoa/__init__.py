"""Lan Tỏa: communication campaigns for the national digital transformation."""
