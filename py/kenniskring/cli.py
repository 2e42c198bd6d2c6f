"""The ``kenniskring`` command: the core's reading, measures, exports and picture, for a terminal.

A shell like the browser's, for files: it reads the files it is given, asks the core (``svgfile``,
``research``, ``graphml``, ``render``) and writes what the core made. Messages in English, or in
Dutch with ``--lang nl``; every text comes from the translation catalogue. A file that cannot be
read gets the same typed error the page shows, and the other files are still done.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .fileformat import MAX_FILE_CHARS, FileError
from .i18n import N_, languages, plural, t
from .labels import voiced
from .layout import picture_layout
from .messages import file_error_reason
from .model import View
from .research import (
    MEASURE_COLUMNS,
    Format,
    Options,
    Pseudonyms,
    Source,
    ego_id,
    egor_tables,
    measures_rows,
    to_csv,
)
from .svgfile import embed, read_file
from .teammap import RingRule

LANGUAGES = languages()  # one per catalogue in kenniskring/locale
DEFAULT_LANGUAGE = "en"
VIEWS = {"now": View.CURRENT, "desired": View.DESIRED}
RULE_SAID = {RingRule.CLOSEST: N_("team.rule.closest"), RingRule.MOST_NAMED: N_("team.rule.most_named")}


def chosen_language(argv: Sequence[str]) -> str:
    """``--lang`` read before the parser is made, so that ``--help`` speaks it too."""
    for i, arg in enumerate(argv):
        value = (
            arg.split("=", 1)[1] if arg.startswith("--lang=") else argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else None
        )
        if value in LANGUAGES:
            return value
    return DEFAULT_LANGUAGE


def parser(lang: str) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help=t(lang, "cli.lang"))
    top = argparse.ArgumentParser(
        prog="kenniskring", description=t(lang, "cli.description"), epilog=t(lang, "cli.epilog"), parents=[common]
    )
    commands = top.add_subparsers(dest="command", required=True)

    validate = commands.add_parser(
        "validate", parents=[common], help=t(lang, "cli.validate"), description=t(lang, "cli.validate")
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help=t(lang, "cli.files"))

    measures = commands.add_parser(
        "measures", parents=[common], help=t(lang, "cli.measures"), description=t(lang, "cli.measures")
    )
    measures.add_argument("files", nargs="+", metavar="FILE", help=t(lang, "cli.files"))
    measures.add_argument("--csv", action="store_true", help=t(lang, "cli.csv"))
    measures.add_argument("--view", choices=tuple(VIEWS), default="now", help=t(lang, "cli.view"))

    export = commands.add_parser("export", parents=[common], help=t(lang, "cli.export"), description=t(lang, "cli.export"))
    export.add_argument("files", nargs="+", metavar="FILE", help=t(lang, "cli.files"))
    export.add_argument("--format", choices=[f.value for f in Format], required=True, help=t(lang, "cli.format"))
    export.add_argument("-o", "--out", required=True, metavar="OUT", help=t(lang, "cli.export.out"))
    names = export.add_mutually_exclusive_group()
    names.add_argument("--anonymise", "--anonymize", action="store_true", default=True, help=t(lang, "cli.anonymise"))
    names.add_argument("--keep-names", action="store_true", help=t(lang, "cli.keep_names"))
    export.add_argument("--category", default="", metavar="TEXT", help=t(lang, "cli.category"))
    export.add_argument("--view", choices=tuple(VIEWS), default="now", help=t(lang, "cli.view"))

    compare = commands.add_parser("compare", parents=[common], help=t(lang, "cli.compare"), description=t(lang, "cli.compare"))
    compare.add_argument("old", metavar="OLD", help=t(lang, "cli.compare.old"))
    compare.add_argument("new", metavar="NEW", help=t(lang, "cli.compare.new"))
    compare.add_argument("--svg", metavar="OUT", help=t(lang, "cli.compare.svg"))

    merge = commands.add_parser("merge", parents=[common], help=t(lang, "cli.merge"), description=t(lang, "cli.merge"))
    merge.add_argument("files", nargs="+", metavar="FILE", help=t(lang, "cli.merge.files"))
    merge.add_argument("-o", "--out", required=True, metavar="OUT", help=t(lang, "cli.merge.out"))
    merge.add_argument(
        "--rule", choices=[r.value for r in RingRule], default=RingRule.CLOSEST.value, help=t(lang, "cli.merge.rule")
    )
    merge.add_argument("--join-doubtful", action="store_true", help=t(lang, "cli.merge.join"))
    merge.add_argument("--mixed-changes", action="store_true", help=t(lang, "cli.merge.mixed"))

    render = commands.add_parser("render", parents=[common], help=t(lang, "cli.render"), description=t(lang, "cli.render"))
    render.add_argument("file", metavar="FILE", help=t(lang, "cli.files"))
    render.add_argument("-o", "--out", required=True, metavar="OUT", help=t(lang, "cli.render.out"))
    render.add_argument("--view", choices=[v.value for v in View], default=View.CURRENT.value, help=t(lang, "cli.render.view"))
    return top


def read_text(path: Path) -> str:
    """A file's text, reading no more than a map can be (a device or a huge file is refused, not read)."""
    if not path.is_file():
        raise FileNotFoundError(path) if not path.exists() else IsADirectoryError(path)
    with path.open("rb") as file:
        data = file.read(4 * MAX_FILE_CHARS + 1)  # UTF-8 takes at most four bytes a character
    if len(data) > 4 * MAX_FILE_CHARS:
        raise FileError("too_large", limit=MAX_FILE_CHARS)
    return data.decode("utf-8")


def write_file(path: Path, data: bytes) -> None:
    """Write all or nothing: into a file beside it first, then put in place."""
    part = path.with_name(path.name + ".part")
    try:
        part.write_bytes(data)
        os.replace(part, path)
    finally:
        part.unlink(missing_ok=True)


def read_sources(files: Sequence[str], lang: str, err: TextIO) -> tuple[list[Source], int]:
    """The maps that could be read, and how many could not (each said on ``err``)."""
    sources: list[Source] = []
    failed = 0
    for name in files:
        try:
            text = read_text(Path(name))
            opened = read_file(text)
        except FileNotFoundError:
            reason = t(lang, "cli.error.missing")
        except OSError:
            reason = t(lang, "cli.error.unreadable")
        except UnicodeDecodeError:
            reason = t(lang, "file.error.not_text")
        except FileError as problem:
            reason = file_error_reason(problem, lang)
        else:
            sources.append(Source(opened.map, name, opened.exported_at))
            continue
        failed += 1
        print(t(lang, "cli.problem", file=name, reason=reason), file=err)
    return sources, failed


def run_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    sources, failed = read_sources(args.files, args.lang, err)
    for s in sources:
        print(t(args.lang, "cli.ok", file=s.label, count=len(s.map.contacts)), file=out)
    if len(args.files) > 1:
        print(plural(args.lang, "cli.read", len(args.files), ok=len(sources)), file=out)
    return 1 if failed else 0


def run_measures(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    sources, failed = read_sources(args.files, args.lang, err)
    rows = measures_rows(sources, VIEWS[args.view])
    columns = ["file", "change", "perspective", *MEASURE_COLUMNS]
    if args.csv:
        out.write(to_csv(rows, columns))
    elif rows:
        out.write(terminal_table(rows, columns))
    return 1 if failed else 0


def terminal_table(rows: Sequence[dict[str, str]], columns: Sequence[str]) -> str:
    """One line per figure, one column per map: readable in a terminal, however many figures there are."""
    width = max(len(c) for c in columns)
    cells = [[row[c] for row in rows] for c in columns]
    widths = [max(len(line[i]) for line in cells) for i in range(len(rows))]
    return "".join(
        f"{name:<{width}}  " + "  ".join(f"{v:<{w}}" for v, w in zip(values, widths, strict=True)).rstrip() + "\n"
        for name, values in zip(columns, cells, strict=True)
    )


def run_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lang = args.lang
    sources, failed = read_sources(args.files, lang, err)
    if not sources:
        print(t(lang, "cli.none_read"), file=err)
        return 1
    options = Options(anonymise=not args.keep_names, category=args.category, view=VIEWS[args.view])
    target = Path(args.out)
    if args.format == Format.EGOR.value:
        files: dict[Path, str] | None = {target / name: text for name, text in egor_tables(sources, options).items()}
    else:
        files = graphml_files(sources, options, target)
    if files is None:
        print(t(lang, "cli.error.graphml_many", count=len(sources)), file=err)
        return 1
    folder = {path.parent for path in files}.pop()
    if folder.exists() and not folder.is_dir():
        print(t(lang, "cli.error.out_is_file", out=folder), file=err)
        return 1
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, text in files.items():
            write_file(path, text.encode("utf-8"))
    except OSError:
        print(t(lang, "cli.error.write", out=args.out), file=err)
        return 1
    print(t(lang, "cli.exported", files=", ".join(str(p) for p in files), count=len(sources)), file=out)
    for n, s in enumerate(sources):  # the key from egoID to file: for the researcher, not in the tables
        print(t(lang, "cli.ego_is", ego=ego_id(n), file=s.label), file=out)
    print(t(lang, N_("cli.anonymised") if options.anonymise else N_("cli.named")), file=out)
    return 1 if failed else 0


def graphml_files(sources: Sequence[Source], options: Options, target: Path) -> dict[Path, str] | None:
    """One ``.graphml`` file named by ``-o``, or one file per map in the folder ``-o``; None when
    several maps would go into one file name."""
    from .graphml import graphml

    pseudonyms = Pseudonyms(options.salt)
    if target.suffix.lower() == ".graphml":
        if len(sources) > 1:
            return None
        return {target: graphml(sources[0], ego_id(0), options, pseudonyms)}
    return {
        target / f"{ego_id(n) if options.anonymise else f'{ego_id(n)}-{Path(s.label).stem}'}.graphml": graphml(
            s, ego_id(n), options, pseudonyms
        )
        for n, s in enumerate(sources)
    }


def run_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .render import picture_size, render

    lang = args.lang
    target = Path(args.out)
    if target.suffix.lower() not in (".svg", ".png"):
        print(t(lang, "cli.error.render_suffix", out=args.out), file=err)
        return 1
    sources, _ = read_sources([args.file], lang, err)
    if not sources:
        return 1
    m, view = sources[0].map, View(args.view)
    geometry = picture_layout(m, view)
    svg = render(m, lang, view, geometry, prefix="kkx", standalone=True)
    try:
        if target.suffix.lower() == ".svg":
            stamp = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
            write_file(target, embed(svg, m, stamp).encode("utf-8"))  # opens again in the tool, like the page's
        else:
            try:
                import resvg_py  # type: ignore[import-not-found,unused-ignore]
            except ImportError:
                print(t(lang, "cli.error.png_missing"), file=err)
                return 1
            width, _ = picture_size(m, view, geometry)
            # Twice the picture's size on white, as the page's PNG download.
            png = resvg_py.svg_to_bytes(svg_string=svg, background="#ffffff", width=round(width * 2))
            write_file(target, bytes(png))
    except OSError:
        print(t(lang, "cli.error.write", out=args.out), file=err)
        return 1
    print(t(lang, "cli.rendered", out=args.out), file=out)
    return 0


def run_compare(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .changes import compare
    from .observations import FIGURE_LABEL, describe_actions, describe_changes, figure_rows, observe_changes, say

    lang = args.lang
    sources, failed = read_sources([args.old, args.new], lang, err)
    if failed:
        return 1
    changes = compare(sources[0].map, sources[1].map)
    print(t(lang, "cli.compare.heading", old=args.old, new=args.new), file=out)
    for line in describe_changes(changes, lang):
        print(f"- {line}", file=out)
    print(f"\n{t(lang, 'cli.compare.figures')}", file=out)
    rows = figure_rows(changes.before, changes.after, lang)
    labels = [t(lang, FIGURE_LABEL[r.key]) for r in rows]
    width = max(len(label) for label in labels)
    for label, r in zip(labels, rows, strict=True):
        print(f"  {label:<{width}}  {r.now:>6}  {r.desired:>6}  {r.difference:>8}", file=out)
    print(f"\n{t(lang, 'cli.compare.observations')}", file=out)
    for obs in observe_changes(changes):
        sentence, question = say(obs, lang, changes.perspective)
        print(f"- {sentence} {question}", file=out)
    if changes.actions:
        print(f"\n{t(lang, voiced('change.actions', changes.perspective))}", file=out)
        for line in describe_actions(changes, lang):
            print(f"- {line}", file=out)
    if args.svg:
        from .changepicture import change_picture

        picture = change_picture(sources[0].map, sources[1].map, lang, args.old, args.new, standalone=True)
        try:
            write_file(Path(args.svg), picture.encode("utf-8"))
        except OSError:
            print(t(lang, "cli.error.write", out=args.svg), file=err)
            return 1
        print(f"\n{t(lang, 'cli.rendered', out=args.svg)}", file=out)
    return 0


def run_merge(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .fileformat import dumps
    from .teammap import Member, different_changes, match, team_map

    lang = args.lang
    sources, failed = read_sources(args.files, lang, err)
    if failed:
        print(t(lang, "cli.merge.unread"), file=err)
        return 1
    members = [Member(Path(s.label).stem, s.map) for s in sources]
    if len(members) < 2:
        print(t(lang, "cli.merge.too_few"), file=err)
        return 1
    if different_changes(members) and not args.mixed_changes:
        changes = "; ".join(dict.fromkeys(f"‘{m.map.change}’" for m in members if m.map.change.strip()))
        print(t(lang, "cli.error.mixed_changes", changes=changes), file=err)
        return 1
    try:
        doubts = match(members).doubts
        team = team_map(members, RingRule(args.rule), doubts if args.join_doubtful else ())
    except FileError as problem:
        print(t(lang, "cli.problem", file=args.out, reason=file_error_reason(problem, lang)), file=err)
        return 1
    target = Path(args.out)
    try:
        write_file(target, dumps(team.map).encode("utf-8"))
    except OSError:
        print(t(lang, "cli.error.write", out=args.out), file=err)
        return 1
    for d in doubts:
        key = N_("cli.merge.joined") if args.join_doubtful else N_("cli.merge.doubt")
        print(t(lang, key, first=d.names[0], second=d.names[1]), file=out)
    print(
        t(
            lang,
            "cli.merged",
            out=args.out,
            count=len(team.map.contacts),
            maps=len(members),
            single=len(team.map.named_by_one),
        ),
        file=out,
    )
    print(t(lang, RULE_SAID[team.rule]), file=out)
    return 0


COMMANDS = {
    "validate": run_validate,
    "measures": run_measures,
    "export": run_export,
    "render": run_render,
    "compare": run_compare,
    "merge": run_merge,
}


def main(argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    lang = chosen_language(arguments)
    args = parser(lang).parse_args(arguments)
    args.lang = lang  # wherever it was given: a sub-command's default would otherwise win
    return COMMANDS[args.command](args, out or sys.stdout, err or sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
