"""Open Referral HSDS 3.0: our typed schema, import, export and the ALISS converter."""
