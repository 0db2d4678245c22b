"""Accounts: who may log in, with which role and scope."""
