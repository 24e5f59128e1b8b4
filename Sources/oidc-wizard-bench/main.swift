// Benchmarks: per-keystroke cost and start-to-first-frame. Run with `swift run -c release oidc-wizard-bench`.
AnalysisBenchmark.run()
ScenarioBenchmark.run()
