"""The command-line interface: thin Typer commands that parse, call a service and print."""
