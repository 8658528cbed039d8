"""The ``kitlib`` command line. Thin: parse arguments, call the library, print, exit code.

kitlib release                 # notebooks/NN-*.ipynb -> release/student, release/answer-key
kitlib release --article PATH  # the same lessons on another annotated article
kitlib release --check         # only scan release/student for leaked answers
kitlib author draft.yaml       # fill in character offsets: writes annotation.yaml beside it
kitlib author --skeleton article.txt > draft.yaml   # paragraphs and sentences to start from
kitlib draft article.txt       # a machine first draft (draft.yaml) to review, then author
kitlib compare A B             # two annotations of one text, table by table (P/R/F1)
kitlib validate PATH           # every problem of an annotation, then what each lesson keeps
kitlib execute --article PATH notebooks/01-actors.ipynb   # run a master on another article
kitlib lab                     # learners: the student copies in JupyterLab (made if needed)
kitlib lab --masters           # instructors: the masters, with solutions and outputs
kitlib lab --article PATH      # the masters in JupyterLab, loading another article
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    from kitlib.errors import EXTRA_OF_MODULE, MissingExtraError

    try:
        code = args.run(args)
    except MissingExtraError as err:
        print(f"kitlib {err}", file=sys.stderr)
        return 1
    except ModuleNotFoundError as err:  # an optional module imported deep inside a command
        if err.name not in EXTRA_OF_MODULE:
            raise
        print(f"kitlib {MissingExtraError(args.command, EXTRA_OF_MODULE[err.name], [err.name])}",
              file=sys.stderr)  # fmt: skip
        return 1
    except KeyboardInterrupt:  # Ctrl-C before a command could say what it had done
        print(f"kitlib {args.command}: interrupted.", file=sys.stderr)
        code = INTERRUPTED
    if code == INTERRUPTED and argv is None:
        # The command's own process, stopped by Ctrl-C: its workers are gone and its files
        # written, so skip the interpreter's teardown (a full garbage collection of pandas,
        # nbconvert and the article: ~1.5 s on two cores, most of the time to stop).
        import os

        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code


INTERRUPTED = 130  # 128 + SIGINT: what a shell reports for a command stopped by Ctrl-C


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kitlib", description="Reading the News teaching kit.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    release = commands.add_parser(
        "release",
        help="write student notebooks and answer keys from the master notebooks",
        description="Write release/student/NN-*.ipynb (solutions stubbed, outputs cleared) and "
        "release/answer-key/NN-*.ipynb + .html (executed) from notebooks/NN-*.ipynb.",
    )
    release.add_argument("--article", metavar="PATH", help="an article folder (article.txt + "
                         "annotation.yaml) to teach instead of the course article")  # fmt: skip
    release.add_argument("--masters", default="notebooks", metavar="DIR",
                         help="folder of master notebooks (default: notebooks)")  # fmt: skip
    release.add_argument("--out", default="release", metavar="DIR",
                         help="release folder (default: release)")  # fmt: skip
    release.add_argument("--force", action="store_true",
                         help="overwrite released files even if someone edited them")  # fmt: skip
    release.add_argument("--check", action="store_true",
                         help="do not release; scan DIR/student for leaked answers")  # fmt: skip
    release.add_argument("--workers", type=int, default=2, help="notebooks run at once (2)")
    release.add_argument("--timeout", type=int, default=300, help="seconds per cell (300)")
    release.add_argument("--no-progress", action="store_true", help="no progress bar")
    release.add_argument("--solutions", default="after-attempt",
                         choices=["after-attempt", "off", "open"],
                         help="when kitlib.solution() shows a model answer to students: "
                         "after-attempt (default), off (graded work), open")  # fmt: skip
    release.set_defaults(run=_release)

    author = commands.add_parser(
        "author",
        help="fill in an annotation's character offsets from a draft",
        description="Read a draft annotation whose spans give only their text, find each span "
        "in the article and write annotation.yaml beside the draft (never over an existing "
        "one). With --skeleton, print a first draft of paragraphs and sentences instead.",
    )
    author.add_argument("file", metavar="DRAFT_OR_TEXT",
                        help="draft.yaml, or with --skeleton the article text")  # fmt: skip
    author.add_argument("--skeleton", action="store_true",
                        help="print a first draft: paragraphs and sentences")  # fmt: skip
    author.add_argument("--out", metavar="FILE", help="where to write (default: "
                        "annotation.yaml beside the draft)")  # fmt: skip
    author.add_argument("--force", action="store_true", help="replace an existing output file")
    author.set_defaults(run=_author)

    validate = commands.add_parser(
        "validate", help="check an annotated article folder and list every problem"
    )
    validate.add_argument("article", nargs="?", help="folder or seed name (default: the course)")
    validate.add_argument("--masters", default="notebooks", metavar="DIR",
                          help="lessons to preview (default: notebooks)")  # fmt: skip
    validate.set_defaults(run=_validate)

    schema = commands.add_parser("schema", help="print the annotation's JSON Schema")
    schema.set_defaults(run=_schema)

    execute = commands.add_parser(
        "execute", help="re-execute master notebooks in place (deterministic outputs)"
    )
    execute.add_argument("paths", nargs="*", default=["notebooks"], help="notebooks or folders")
    execute.add_argument("--article", metavar="PATH", help="run on this article as a release "
                         "would, writing the results into --out instead of in place")  # fmt: skip
    execute.add_argument("--out", metavar="DIR", default="article-run",
                         help="where --article writes (default: article-run)")  # fmt: skip
    execute.set_defaults(run=_execute)

    lab = commands.add_parser(
        "lab",
        help="open the student copies in JupyterLab (instructors: --masters)",
        description="Learners: open student/ (student copies of the lessons, made on first use "
        "or when the lessons changed; an edited copy is never replaced). Instructors: "
        "--masters opens the masters, with solutions and outputs; --article implies it.",
    )
    lab.add_argument("--masters", nargs="?", const="notebooks", metavar="DIR",
                     help="open the masters (in DIR, default notebooks) instead")  # fmt: skip
    lab.add_argument("--article", metavar="PATH", help="open the masters, loading this article")
    lab.add_argument("--student-dir", default="student", metavar="DIR",
                     help="where the student copies live (default: student)")  # fmt: skip
    lab.add_argument("lab_args", nargs="*", metavar="-- ARG",
                     help="passed on to `jupyter lab` (after --)")  # fmt: skip
    lab.set_defaults(run=_lab)

    draft = commands.add_parser(
        "draft",
        help="a machine first draft of an annotation, for an instructor to review",
        description="Read an article text and write a draft annotation (draft.yaml beside it) "
        "made by simple rules: paragraphs, sentences, people, places, groups, quotes, claims, "
        "demands and figures, each marked 'origin: machine'. Review it, then kitlib author.",
    )
    draft.add_argument("file", metavar="ARTICLE_TXT", help="the article's text (UTF-8)")
    draft.add_argument("--out", metavar="FILE",
                       help="default: draft.yaml beside the text; - prints it")  # fmt: skip
    draft.add_argument("--force", action="store_true", help="replace an existing draft")
    draft.set_defaults(run=_draft)

    compare = commands.add_parser(
        "compare",
        help="compare two annotations of one text, table by table",
        description="Compare annotation A (e.g. a machine draft) with B (the careful one): per "
        "table matches, misses, extras, precision, recall and F1, spans matched exactly and by "
        "overlap; quotes also on speaker and kind. A and B are article folders or seed names.",
    )
    compare.add_argument("a", metavar="A", help="the annotation under test (folder or seed name)")
    compare.add_argument("b", metavar="B", help="the reference annotation (folder or seed name)")
    compare.set_defaults(run=_compare)
    return parser


def _release(args) -> int:
    from kitlib.errors import ReleaseInterrupted, require_extra

    require_extra("release", "release", RELEASE_MODULES)
    from kitlib.release import check_release, release

    if args.check:
        return _report_leaks(check_release(args.out, args.masters), args.out)
    try:
        report = release(
            masters_dir=args.masters,
            out_dir=args.out,
            article=args.article,
            force=args.force,
            workers=args.workers,
            progress=False if args.no_progress else None,
            timeout=args.timeout,
            solutions=args.solutions,
        )
    except (FileNotFoundError, ValueError) as err:  # no masters, bad article or annotation
        print(f"kitlib release: {err}", file=sys.stderr)
        return 2
    except ReleaseInterrupted as stopped:
        print(f"kitlib release: {stopped.summary()}", file=sys.stderr)
        return INTERRUPTED
    _print_report(report)
    return 0 if report.ok else 1


def _author(args) -> int:
    from pathlib import Path

    from kitlib.author import dump_annotation, skeleton, write_annotation

    source = Path(args.file)
    if args.skeleton:
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            print(f"kitlib author: cannot read {source} ({err})", file=sys.stderr)
            return 2
        print(dump_annotation(skeleton(text), source.resolve().parent.name), end="")
        return 0
    code, message = write_annotation(source, args.out, force=args.force)
    print(message, file=sys.stderr if code else sys.stdout)
    return code


def _draft(args) -> int:
    from kitlib.draft import write_draft

    code, message = write_draft(args.file, args.out, force=args.force)
    print(message, file=sys.stderr if code else sys.stdout, end="" if args.out == "-" else "\n")
    return code


def _compare(args) -> int:
    from kitlib.comparison import compare
    from kitlib.errors import AnnotationError, ArticleNotFoundError

    try:
        print(compare(args.a, args.b))
    except (AnnotationError, ArticleNotFoundError) as err:
        print(f"kitlib compare: {err}", file=sys.stderr)
        return 1
    return 0


def _validate(args) -> int:
    from kitlib.article import load_article
    from kitlib.errors import AnnotationError, ArticleNotFoundError

    try:
        art = load_article(args.article)
    except (AnnotationError, ArticleNotFoundError) as err:
        print(err, file=sys.stderr)
        return 1
    print(f"ok: {art!r}")
    from pathlib import Path

    if Path(args.masters).is_dir():
        from kitlib.article import DEFAULT_ARTICLE
        from kitlib.release.preview import preview, render

        print(render(preview(args.masters, art, art.name == DEFAULT_ARTICLE), art.name))
    return 0


def _schema(args) -> int:
    import json

    from kitlib.annotation import json_schema

    print(json.dumps(json_schema(), indent=2, sort_keys=True))
    return 0


# What the release and execute commands import; ipykernel runs the answer keys' kernels.
RELEASE_MODULES = ["nbformat", "nbclient", "nbconvert", "tqdm", "ipykernel"]


def _execute(args) -> int:
    from kitlib.errors import require_extra

    require_extra("execute", "release", RELEASE_MODULES)
    from kitlib.release.masters import main as execute_masters

    return execute_masters(args.paths, article=args.article, out_dir=args.out)


def _lab(args) -> int:
    import os

    from kitlib.errors import require_extra

    require_extra("lab", "lab", ["jupyterlab"])

    from kitlib.student_copies import jupyter_executable, open_student_lab

    if args.masters is None and args.article is None:  # the learners' door
        return open_student_lab("notebooks", args.student_dir, args.lab_args)

    from kitlib.article import ENV_VAR, article_dir
    from kitlib.errors import ArticleNotFoundError

    env = dict(os.environ)
    if args.article:
        try:
            env[ENV_VAR] = str(article_dir(args.article).resolve())
        except ArticleNotFoundError as err:
            print(f"kitlib lab: {err}", file=sys.stderr)
            return 2
    jupyter = jupyter_executable()
    if jupyter is None:
        print("kitlib lab: JupyterLab is not installed here; run `make lab` once.", file=sys.stderr)
        return 2
    command = [jupyter, "lab", f"--notebook-dir={args.masters or 'notebooks'}"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")  # classroom containers often run as root
    command.extend(args.lab_args)
    os.execve(jupyter, command, env)  # replaces this process: Ctrl-C goes to JupyterLab
    return 0


def _print_report(report) -> None:
    out = report.out_dir
    print(f"Released for article {report.article_name!r} into {out}/: "
          f"{len(report.written)} written, {len(report.unchanged)} unchanged.")  # fmt: skip
    if report.kept:
        print(f"Kept {len(report.kept)} file(s) edited since the last release (not overwritten):")
        for rel in report.kept:
            print(f"  {out / rel}")
        print("  Copy your edits elsewhere, then run `kitlib release --force` to replace them.")
    if report.seed_only:
        counts = ", ".join(f"{name} {n}" for name, n in report.seed_only.items())
        print(f"Left out the cells written for the course article (seed-only): {counts}.")
        print("  Each is an 'Instructor note' in the answer key: rewrite what you want to keep.")
    for master, reasons in report.left_out.items():
        print(f"Left out of {master} for {report.article_name!r}:")
        for why in reasons:
            print(f"  {why}")
    for failure in report.failures:
        print(f"FAILED {failure}", file=sys.stderr)
    _report_leaks(report.leaks, out)


def _report_leaks(leaks, out) -> int:
    if not leaks:
        print(f"Leak check: {out}/student holds no solution, hidden test, marker or output.")
        return 0
    print(f"Leak check FAILED: {len(leaks)} leak(s) in {out}/student:", file=sys.stderr)
    for leak in leaks:
        print(f"  {leak}", file=sys.stderr)
    print("  Release again with --force, or remove those lines by hand.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
