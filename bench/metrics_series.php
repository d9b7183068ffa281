<?php
/*
 * Creates $argv[1] application series of one counter (one label value each), then updates each
 * once more and renders perf_metrics(); prints the time of each phase. Series creation must stay
 * O(1) per series, so 100,000 of them (perf.metrics_max_series=100000) take well under a second.
 */
$n = (int) ($argv[1] ?? 100000);
$labels = [];
for ($i = 0; $i < $n; $i++) {
    $labels[] = ['id' => (string) $i];
}

$start = hrtime(true);
$created = 0;
foreach ($labels as $set) {
    $created += (int) perf_counter_inc('app_bench_series_total', 1, $set);
}
$create_s = (hrtime(true) - $start) / 1e9;

$start = hrtime(true);
foreach ($labels as $set) {
    perf_counter_inc('app_bench_series_total', 1, $set);
}
$update_s = (hrtime(true) - $start) / 1e9;

$start = hrtime(true);
$text = perf_metrics();
$render_s = (hrtime(true) - $start) / 1e9;

$start = hrtime(true);
perf_metrics_reset();
$reset_s = (hrtime(true) - $start) / 1e9;

printf("%-34s %10d\n", 'series created', $created);
printf("%-34s %10.3f s (%.2f us per series)\n", 'creating them', $create_s, $create_s * 1e6 / max($n, 1));
printf("%-34s %10.3f s (%.2f us per update)\n", 'updating each once more', $update_s, $update_s * 1e6 / max($n, 1));
printf("%-34s %10.3f s (%.1f MB of text)\n", 'perf_metrics()', $render_s, strlen($text) / 1e6);
printf("%-34s %10.3f s\n", 'perf_metrics_reset()', $reset_s);
exit($created === $n ? 0 : 1);
