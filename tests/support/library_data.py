"""Small generated libraries for tests."""

from __future__ import annotations


def write_articles(folder, count: int) -> list:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{n:03}.md"
        path.write_text(f"# Article number {n} about rivers\n\nThe first paragraph of article {n} says hello.\n\n"
                        f"A second paragraph of article {n} talks about boats and water.\n", encoding="utf-8")
        paths.append(path)
    return paths
