# Diagnostics: each message, label and help, by code.

