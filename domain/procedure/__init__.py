"""The procedure, one module per step (docs/adding-a-step.md): each holds its events, its
guard, its command, its state reducers and its labels; :mod:`.registry` lists them."""
