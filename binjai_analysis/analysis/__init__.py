"""The domain analysis: pure functions over the canonical tables, one job per module.

Layer rules:

- analysis never imports views, charts, notebooks or the build;
- functions return data (tables, numbers, fields), never reader sentences: views write those;
- every function takes the year it works on from its arguments or its data, never from a
  constant.

`year.run_analysis` computes every result table of one year.
"""
