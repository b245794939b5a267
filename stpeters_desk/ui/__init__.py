"""Qt widgets only. Data and X are reached through ``DeskServices``."""
