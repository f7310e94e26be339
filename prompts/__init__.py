"""Versioned prompt templates, shipped as package data and loaded by service.llm.prompts."""
