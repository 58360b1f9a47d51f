"""Smoke tests of the benchmark's own parts (the benchmark itself is `make bench`)."""
import pandas as pd

from bench import bench_stream, generate, overview
from bench.run import size_name


def test_generated_posts_are_seeded_varied_and_cover_the_year(tracker):
    posts = generate.posts_frame(tracker, 3000)
    assert len(posts) == 3000 and posts["id"].is_unique
    pd.testing.assert_frame_equal(posts, generate.posts_frame(tracker, 3000))
    assert not posts.equals(generate.posts_frame(tracker, 3000, seed=7))
    assert posts["text"].nunique() > 1000
    assert set(posts["source"]) >= {"reddit", "bluesky", "app_store_reviews"}
    days = posts["created_at"].dt.normalize()
    assert days.min() >= generate.year()[0] and days.max() <= generate.year()[-1]
    assert posts.loc[posts["source"].str.endswith("reviews"), "rating"].notna().all()


def test_post_files_import_as_one_source_each(tracker, tmp_path):
    from dashboard.files.importer import read_posts_file
    paths = generate.write_post_files(tracker, 500, tmp_path)
    assert sum(len(read_posts_file(p, p.stem).posts) for p in paths) == 500


def test_rank_snapshots_daily_for_ten_apps_in_five_countries(tracker):
    ranks = generate.ranks_frame(tracker)
    assert ranks["app_id"].nunique() == generate.APPS
    assert ranks["country"].nunique() == 5 and ranks["captured_at"].nunique() == 365
    assert not ranks.duplicated(["captured_at", "country", "rank"]).any()
    assert ranks["rank"].between(1, tracker.charts.limit).all()


def test_the_floor_query_runs_and_sizes_are_named(demo_url):
    assert overview.floor(demo_url) > 0
    assert [size_name(n) for n in (10_000, 100_000, 1_000_000)] == ["10k", "100k", "1m"]


def test_the_stream_benchmark_keeps_about_its_share_and_reads_every_frame():
    raw = bench_stream.frames(2000)
    rate, kept = bench_stream.events_per_second(raw)
    assert rate > 0 and 5 <= kept <= 60  # about MATCH_SHARE of 2000
    assert bench_stream.websocket_events_per_second(bench_stream.frames(300)) > 0
