# ContextVar misuse: LookupError, a token used twice, a token of another variable or of another context, a context entered twice.
import contextvars
a = contextvars.ContextVar("a")
b = contextvars.ContextVar("b", default=5)
def attempt(label, fn):
    try:
        print(label, "->", fn())
    except Exception as e:
        print(label, "->", type(e).__name__)
def main():
    attempt("a.get()", a.get)
    attempt("a.get(1)", lambda: a.get(1))
    attempt("b.get()", b.get)
    t = a.set(1)
    print("old value missing:", t.old_value is contextvars.Token.MISSING, t.var is a)
    attempt("b.reset(t)", lambda: b.reset(t))
    a.reset(t)
    attempt("a.reset(t) again", lambda: a.reset(t))
    ctx = contextvars.Context()
    t2 = ctx.run(a.set, 2)
    attempt("reset in another context", lambda: a.reset(t2))
    print("ctx has", ctx.get(a), len(ctx), a in ctx)
    attempt("enter twice", lambda: ctx.run(ctx.run, lambda: None))
    attempt("a.get(None) at the end", lambda: a.get(None))
contextvars.copy_context().run(main)
