"""The generator's command-line tools: regenerate (diffround-regenerate) and verify (diffround-verify)."""
