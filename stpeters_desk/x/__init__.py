"""The X gateway: one interface, a sandbox and a real (tweepy) implementation."""
