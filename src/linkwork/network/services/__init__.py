"""Writes for the network app: each one checks the policy once, runs in one transaction and
writes its audit entry. Split by concept: members, resources, events, discussions."""
