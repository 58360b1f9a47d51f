"""About the data: how posts are collected and scored, how accurate the scorer measured,
where every figure comes from, and whether what is on screen is simulated.

May import: ui, charts, read (metrics, accuracy, scorers), paths, vocabulary (no SQL, no
store).
"""
import pandas as pd
import streamlit as st

from dashboard import paths, ui
from dashboard.read import accuracy
from dashboard.read.scorers import describe

ctx = ui.page("About the data", needs_data=False)

if ctx.simulated:
    st.markdown(f"### Simulated data\n{ui.SIMULATED_NOTICE} Each demo row is flagged "
                "`simulated` in the store and in every export. The figures the simulation "
                "is shaped to are listed below with their sources.")
    cal = pd.read_csv(paths.DATA / "demo" / "calibration.csv")
    st.dataframe(cal, hide_index=True,
                 column_config={"source_url": st.column_config.LinkColumn("source")})

st.markdown("""
### How posts are collected
Collectors query each source for the tracker's brands and keywords and store every post
once (a source and its own id are the key, so re-collecting updates rather than
duplicates). Each run is recorded per source with its status; a day on which every run of
a source failed is shown as *no data* (grey band), never as a quiet day. Authors are
stored as salted-hash pseudonyms unless the tracker keeps handles. App-store charts only
show the present, so their history is what the collection schedule has captured.

### How posts are scored
* **Sentiment**: a compound score from -1 (most negative) to +1, VADER's unless another
  scorer was chosen (see *Scored by* below); a post is *negative* at -0.05 or below and
  *positive* at 0.05 or above.
* **Brands**: a post names a brand when one of the tracker's aliases appears as a whole
  word ("OpenAI" counts for ChatGPT; "Claudette" does not count for Claude).
* **Switching**: a post is *leaving* a brand ("cancelled my ChatGPT Plus", "users flee
  ChatGPT"), *moving* from one to another ("switched from ChatGPT to Claude", "ChatGPT →
  Claude", "cancelled Plus. Claude does everything I need"), *returning* ("went back to
  ChatGPT") or *considering* it ("thinking of cancelling"). It counts what users do: the
  poster, people the poster speaks for, users in numbers (news of users leaving, "ChatGPT
  refugees"); not governments, companies or their staff ("agencies told to stop using
  Claude", "researcher quits OpenAI"), negations ("I'm not cancelling"), advice or
  hypotheticals. A product the tracker does not follow shows as *other* ("from Cursor to
  Claude Code"). Patterns find the statement first; in a post with a body (40 words or
  more) where they find none, a small learned model trained on posts written for this
  project may still count a leave or move, and its brands are less often right. The Posts
  and Switching pages show the phrase that made each call (for the learned model, the
  sentence around the brand).
* **Reasons for leaving**: the tracker lists reasons (military deals, privacy, price, ...)
  with the phrases that give them; every leaving, moving or considering post is searched
  for them as it is read, and may give several. A phrase does not see a negation ("not
  because of the price" still counts price): the measured accuracy is below.
* **Leaving / arriving** on the charts count posts that report it, not people or
  accounts: treat them as a signal of intent, not as subscription numbers.
""")

# -- Scored by: which scorer made this store's numbers ----------------------------------
scorers = ui.load_scorers(ctx.url)
if len(scorers):
    st.markdown("**Scored by**\n" + "\n".join(
        f"* {describe(v)}: {n:,} posts (scorer version `{v or 'none'}`)"
        for v, n in zip(scorers["scorer_version"], scorers["posts"])))
# -- end of Scored by ----------------------------------------------------------------------

st.markdown("### Measured accuracy")
results = accuracy.measured()
if results:
    st.caption(f"From `{results.get('command', 'make eval')}` "
               f"({results.get('generated', 'date unknown')}), scorer version "
               f"`{results.get('scorer_version', 'unknown')}`. Each labelled set is split in two: "
               "rules may be shaped on *dev*; *test* is never tuned on and only measures. Rates "
               "show the counts behind them (right / called for precision, right / labelled "
               "for recall).")
    st.markdown("**Switching: leaving and moving posts with the right brands**")
    st.dataframe(accuracy.switching_table(results), hide_index=True)
    if results.get("reasons"):
        st.markdown("**Reasons for leaving: each reason's phrases on labelled leaving posts**")
        st.dataframe(accuracy.reasons_table(results), hide_index=True)
    st.markdown("**Sentiment: this scorer beside plain VADER**")
    st.dataframe(accuracy.sentiment_table(results), hide_index=True)
else:
    st.info("No evaluation results in this checkout yet: run `make eval`.")

st.markdown("### Events marked on the charts")
events = ui.load_events()
st.caption(f"{len(events)} dated events, written in this project's words, each with its source.")
st.dataframe(events.assign(date=events["date"].dt.date), hide_index=True,
             column_config={"source_url": st.column_config.LinkColumn("source")})

info = ctx.info
st.markdown(f"""
### This store
* posts: {info['posts']:,}, from {info['first_day']} to {info['last_day']} (UTC)
* posts with an implausible time (dated before their source existed, or after they were
  collected): {info['implausible']:,}, kept but left out of every chart
* sources: {', '.join(info['sources']) or 'none'}
* app-store countries: {', '.join(c.upper() for c in info['countries']) or 'none'}
* tracker: {ctx.tracker.name} ({len(ctx.tracker.brands)} brands)
""")
