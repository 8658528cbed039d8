"""The ``kitlib`` command line. Thin: parse arguments, call the library, print, exit code.

kitlib release                 # notebooks/NN-*.ipynb -> release/student, release/answer-key
kitlib release --article PATH  # the same lessons on another annotated article
kitlib release --check         # only scan release/student for leaked answers
kitlib author draft.yaml       # fill in character offsets: writes annotation.yaml beside it
kitlib author --skeleton article.txt > draft.yaml   # paragraphs and sentences to start from
kitlib validate PATH           # every problem of an annotation, then what each lesson keeps
kitlib execute --article PATH notebooks/01-actors.ipynb   # run a master on another article
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
    return args.run(args)


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
        "lab", help="open the master notebooks in JupyterLab, optionally on another article"
    )
    lab.add_argument("--article", metavar="PATH", help="the article the lessons load")
    lab.add_argument("--masters", default="notebooks", metavar="DIR", help="(default: notebooks)")
    lab.set_defaults(run=_lab)
    return parser


def _release(args) -> int:
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
        )
    except (FileNotFoundError, ValueError) as err:  # no masters, bad article or annotation
        print(f"kitlib release: {err}", file=sys.stderr)
        return 2
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


def _execute(args) -> int:
    from kitlib.release.masters import main as execute_masters

    return execute_masters(args.paths, article=args.article, out_dir=args.out)


def _lab(args) -> int:
    import os
    import shutil

    from kitlib.article import ENV_VAR, article_dir
    from kitlib.errors import ArticleNotFoundError

    env = dict(os.environ)
    if args.article:
        try:
            env[ENV_VAR] = str(article_dir(args.article).resolve())
        except ArticleNotFoundError as err:
            print(f"kitlib lab: {err}", file=sys.stderr)
            return 2
    jupyter = shutil.which("jupyter")
    if jupyter is None:
        print("kitlib lab: JupyterLab is not installed here; run `make lab` once.", file=sys.stderr)
        return 2
    command = [jupyter, "lab", f"--notebook-dir={args.masters}"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")  # classroom containers often run as root
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
