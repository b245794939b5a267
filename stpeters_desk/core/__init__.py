"""Pure-Python heart of the app: rules, text, storage. Never imports Qt or tweepy."""
