"""The LLM engine's parts: configuration, the instructor client, local GGUF serving, prompts, chunking, usage."""
