from natokg.cli import app

app(prog_name="natokg")
