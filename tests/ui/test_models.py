"""Every custom model passes qtmodeltester, before and after it changes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.services.articles import ListQuery
from reader.ui.library.article_model import ArticleIdRole, ArticleListModel, ArticleRole
from reader.ui.library.tag_model import ALL_ARTICLES, TagListModel, TagNameRole
from reader.ui.sidebar.model import HighlightIdRole, HighlightListModel


def test_article_model_over_ids(qtmodeltester, library):
    model = ArticleListModel(library.articles)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == 4
    titles = [model.index(row).data() for row in range(4)]
    assert titles[0] == "Article number 2 about rivers"  # newest first
    article = model.index(0).data(ArticleRole)
    assert article.id == model.index(0).data(ArticleIdRole) and article.text == ""

    model.set_query(ListQuery(text="rivers", sort="title"))
    qtmodeltester.check(model)
    assert [model.index(r).data() for r in range(model.rowCount())] == [
        "Article number 0 about rivers", "Article number 1 about rivers", "Article number 2 about rivers"]
    library.articles.edit(model.id_at(0), title="Renamed")
    model.refresh([model.id_at(0)])
    assert model.index(0).data() == "Renamed"
    model.set_query(ListQuery(text="nothing matches this"))
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_article_model_loads_rows_in_pages(qtmodeltester, services, tmp_path, monkeypatch):
    import reader.ui.library.article_model as article_model
    from library_data import write_articles

    monkeypatch.setattr(article_model, "PAGE_SIZE", 4)
    services.importer.import_paths(write_articles(tmp_path / "many", 10))
    calls = []
    real_rows = services.articles.rows
    monkeypatch.setattr(services.articles, "rows", lambda ids: calls.append(list(ids)) or real_rows(ids))
    model = ArticleListModel(services.articles)
    model.reload()
    assert model.index(9).data() == "Article number 0 about rivers"
    assert calls == [model.ids()[8:10]]  # only the page holding row 9 was read
    model.index(8).data()
    assert len(calls) == 1
    qtmodeltester.check(model)


def test_tag_model(qtmodeltester, library):
    from reader.domain.models import TagCount

    model = TagListModel()
    qtmodeltester.check(model)
    model.set_tags([TagCount("world", 2, 0), TagCount("world/iran", 1, 3)])
    qtmodeltester.check(model)
    assert model.index(0).data() == ALL_ARTICLES and model.index(0).data(TagNameRole) == ""
    assert model.index(2).data(TagNameRole) == "world/iran"
    assert model.index(2).data().strip() == "iran   4"
    assert model.row_of("WORLD/Iran") == 2 and model.row_of("none") == 0


def test_highlight_model(qtmodeltester, library):
    article_id = library.articles.list_ids(ListQuery(text="Top US"))[0]
    late = library.annotations.highlight_quote(article_id, "reins in Iran-aligned militias")
    early = library.annotations.highlight_quote(article_id, "Green Zone", note="n")
    model = HighlightListModel()
    model.set_highlights([late, early])
    qtmodeltester.check(model)
    assert [model.index(r).data(HighlightIdRole) for r in range(2)] == [early.id, late.id]
    changed = library.annotations.update(early.id, color="blue")
    assert model.update_highlights([late, changed])
    qtmodeltester.check(model)
    assert not model.update_highlights([late])  # a row went: the caller must rebuild
    model.set_highlights([late])
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_tag_model_shows_parents_implied_by_children(qtmodeltester):
    from reader.domain.models import TagCount

    model = TagListModel()
    model.set_tags([TagCount("reading/later", 1, 0), TagCount("alpha", 0, 2)])
    qtmodeltester.check(model)
    assert [model.index(r).data(TagNameRole) for r in range(model.rowCount())] == [
        "", "alpha", "reading", "reading/later"]
    assert model.index(2).data() == "reading"  # no count of its own


def test_rows_gone_from_the_library_are_asked_for_once(services, tmp_path, monkeypatch):
    from library_data import write_articles

    services.importer.import_paths(write_articles(tmp_path / "few", 3))
    model = ArticleListModel(services.articles)
    model.reload()
    services.articles.delete(model.id_at(1))  # from the command line, say
    calls = []
    real_rows = services.articles.rows
    monkeypatch.setattr(services.articles, "rows", lambda ids: calls.append(list(ids)) or real_rows(ids))
    for _ in range(3):
        assert model.index(1).data() is None
        assert model.index(1).data(Qt.ItemDataRole.SizeHintRole) is None
    assert len(calls) == 1
