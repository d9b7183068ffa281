/*
 * perf_dashboard(): one self-contained HTML page drawn from the metrics segment. Charts are inline
 * SVG and styles inline CSS; there is no script and nothing is loaded from elsewhere (the page's
 * Content-Security-Policy forbids it), so it can be served from any route or saved as a file.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include <time.h>

#include "php.h"
#include "zend_smart_str.h"

#include "php_perf.h"
#include "metrics/metrics_private.h"
#include "stats/stats.h"

#define CHART_WIDTH 560
#define CHART_HEIGHT 150
#define CHART_LEFT 48
#define CHART_BOTTOM 22

typedef struct {
	const char *label;
	double value;
} bar;

static void append_html(smart_str *out, const char *text)
{
	for (const unsigned char *p = (const unsigned char *) text; *p; p++) {
		switch (*p) {
			case '&':
				smart_str_appends(out, "&amp;");
				break;
			case '<':
				smart_str_appends(out, "&lt;");
				break;
			case '>':
				smart_str_appends(out, "&gt;");
				break;
			case '"':
				smart_str_appends(out, "&quot;");
				break;
			case '\'':
				smart_str_appends(out, "&#39;");
				break;
			default:
				/* Control characters from a URI would make the page invalid: shown as '?'. */
				smart_str_appendc(out, *p < 0x20 || *p == 0x7f ? '?' : (char) *p);
		}
	}
}

static void append_fixed(smart_str *out, double value, int decimals)
{
	smart_str_append_printf(out, "%.*F", decimals, value);
}

/* 1.5 KiB, 12.0 MiB: readable sizes for labels. */
static void append_bytes(smart_str *out, double bytes)
{
	static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
	int unit = 0;
	while (bytes >= 1024 && unit < 4) {
		bytes /= 1024;
		unit++;
	}
	append_fixed(out, bytes, unit ? 1 : 0);
	smart_str_append_printf(out, " %s", units[unit]);
}

static void append_seconds(smart_str *out, double seconds)
{
	if (seconds < 1) {
		append_fixed(out, seconds * 1000, seconds < 0.01 ? 1 : 0);
		smart_str_appends(out, " ms");
	} else {
		append_fixed(out, seconds, 2);
		smart_str_appends(out, " s");
	}
}

/* A vertical bar chart: one bar per value, labels under them, the largest value on the axis. */
static void append_bar_chart(smart_str *out, const char *id, const char *title, const bar *bars, uint32_t count,
	const char *color)
{
	double max = 0;
	for (uint32_t i = 0; i < count; i++) {
		max = MAX(max, bars[i].value);
	}
	double plot_width = CHART_WIDTH - CHART_LEFT - 8, plot_height = CHART_HEIGHT - CHART_BOTTOM - 10;
	double slot = count ? plot_width / count : plot_width;

	smart_str_append_printf(out, "<svg id=\"%s\" class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">"
		"<title>", id, CHART_WIDTH, CHART_HEIGHT, CHART_WIDTH, CHART_HEIGHT);
	append_html(out, title);
	smart_str_append_printf(out, "</title><line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
		CHART_LEFT, CHART_HEIGHT - CHART_BOTTOM, CHART_WIDTH - 8, CHART_HEIGHT - CHART_BOTTOM);
	smart_str_append_printf(out, "<text class=\"tick\" x=\"%d\" y=\"14\" text-anchor=\"end\">", CHART_LEFT - 4);
	append_fixed(out, max, max < 10 && max != (double) (uint64_t) max ? 2 : 0);
	smart_str_appends(out, "</text>");
	for (uint32_t i = 0; i < count; i++) {
		double height = max > 0 ? bars[i].value / max * plot_height : 0;
		double x = CHART_LEFT + i * slot + slot * 0.1;
		smart_str_append_printf(out, "<rect class=\"bar\" fill=\"%s\" x=\"", color);
		append_fixed(out, x, 1);
		smart_str_append_printf(out, "\" y=\"");
		append_fixed(out, CHART_HEIGHT - CHART_BOTTOM - height, 1);
		smart_str_appends(out, "\" width=\"");
		append_fixed(out, slot * 0.8, 1);
		smart_str_appends(out, "\" height=\"");
		append_fixed(out, height, 1);
		smart_str_append_printf(out, "\" data-value=\"");
		append_fixed(out, bars[i].value, 6);
		smart_str_appends(out, "\"><title>");
		append_html(out, bars[i].label);
		smart_str_appends(out, ": ");
		append_fixed(out, bars[i].value, bars[i].value == (double) (uint64_t) bars[i].value ? 0 : 3);
		smart_str_appends(out, "</title></rect>");
		if (bars[i].label[0]) {
			smart_str_appends(out, "<text class=\"tick\" x=\"");
			append_fixed(out, x + slot * 0.4, 1);
			smart_str_append_printf(out, "\" y=\"%d\" text-anchor=\"middle\">", CHART_HEIGHT - 6);
			append_html(out, bars[i].label);
			smart_str_appends(out, "</text>");
		}
	}
	smart_str_appends(out, "</svg>\n");
}

/* A horizontal bar split into parts (used/free/wasted), with a legend. */
static void append_stacked(smart_str *out, const char *id, const char *title, const bar *parts, uint32_t count)
{
	static const char *const colors[] = {"#d9534f", "#5cb85c", "#f0ad4e", "#5bc0de"};
	double total = 0, x = 0;
	for (uint32_t i = 0; i < count; i++) {
		total += parts[i].value;
	}
	smart_str_append_printf(out, "<svg id=\"%s\" class=\"chart\" role=\"img\" viewBox=\"0 0 %d 60\" width=\"%d\" height=\"60\"><title>",
		id, CHART_WIDTH, CHART_WIDTH);
	append_html(out, title);
	smart_str_appends(out, "</title>");
	for (uint32_t i = 0; i < count; i++) {
		double width = total > 0 ? parts[i].value / total * CHART_WIDTH : 0;
		smart_str_append_printf(out, "<rect class=\"part\" fill=\"%s\" x=\"", colors[i % 4]);
		append_fixed(out, x, 1);
		smart_str_appends(out, "\" y=\"0\" height=\"24\" width=\"");
		append_fixed(out, width, 1);
		smart_str_appends(out, "\"><title>");
		append_html(out, parts[i].label);
		smart_str_appends(out, "</title></rect>");
		smart_str_append_printf(out, "<rect fill=\"%s\" x=\"%u\" y=\"36\" width=\"10\" height=\"10\"/>"
			"<text class=\"tick\" x=\"%u\" y=\"45\">", colors[i % 4], i * 140, i * 140 + 14);
		append_html(out, parts[i].label);
		smart_str_appends(out, " ");
		append_bytes(out, parts[i].value);
		smart_str_appends(out, "</text>");
		x += width;
	}
	smart_str_appends(out, "</svg>\n");
}

/* The q-quantile from a histogram, interpolated inside its bucket as Prometheus' histogram_quantile() does. */
static double quantile(const perf_metrics_histogram *h, const double *bounds, uint32_t bound_count, double q)
{
	uint64_t total = 0;
	for (uint32_t i = 0; i <= bound_count; i++) {
		total += h->buckets[i];
	}
	if (total == 0) {
		return 0;
	}
	double rank = q * (double) total, seen = 0;
	for (uint32_t i = 0; i <= bound_count; i++) {
		if (seen + (double) h->buckets[i] >= rank && h->buckets[i]) {
			if (i == bound_count) {
				return bounds[bound_count - 1];
			}
			double lower = i ? bounds[i - 1] : 0;
			return lower + (bounds[i] - lower) * (rank - seen) / (double) h->buckets[i];
		}
		seen += (double) h->buckets[i];
	}
	return bounds[bound_count - 1];
}

static void append_card(smart_str *out, const char *id, const char *label, const char *value)
{
	smart_str_append_printf(out, "<div class=\"card\" id=\"%s\"><div class=\"label\">%s</div><div class=\"value\">%s</div></div>",
		id, label, value);
}

static void append_histogram_chart(smart_str *out, const char *id, const char *title,
	const perf_metrics_histogram *h, const double *bounds, uint32_t bound_count)
{
	bar bars[PERF_METRICS_MAX_BUCKETS + 1];
	char labels[PERF_METRICS_MAX_BUCKETS + 1][24];

	for (uint32_t i = 0; i <= bound_count; i++) {
		if (i < bound_count) {
			double b = bounds[i];
			if (b < 1) {
				snprintf(labels[i], sizeof(labels[i]), "%gms", b * 1000);
			} else {
				snprintf(labels[i], sizeof(labels[i]), "%gs", b);
			}
		} else {
			snprintf(labels[i], sizeof(labels[i]), "more");
		}
		bars[i].label = labels[i];
		bars[i].value = (double) h->buckets[i];
	}
	append_bar_chart(out, id, title, bars, bound_count + 1, "#337ab7");
}

static void append_requests(smart_str *out, const perf_metrics_snapshot *snap)
{
	const double *bounds = PERF_G(settings.metrics.buckets);
	uint32_t bound_count = PERF_G(settings.metrics.bucket_count);
	uint64_t total = 0, errors = snap->requests[5];
	char buf[64];

	for (int i = 0; i < 10; i++) {
		total += snap->requests[i];
	}
	smart_str_appends(out, "<section id=\"requests\"><h2>Requests</h2><div class=\"cards\">");
	snprintf(buf, sizeof(buf), "%" PRIu64, total);
	append_card(out, "card-requests", "requests", buf);
	for (int class = 2; class <= 5; class++) {
		char label[8], id[16];
		snprintf(label, sizeof(label), "%dxx", class);
		snprintf(id, sizeof(id), "card-%dxx", class);
		snprintf(buf, sizeof(buf), "%" PRIu64, snap->requests[class]);
		append_card(out, id, label, buf);
	}
	snprintf(buf, sizeof(buf), "%.2f %%", total ? 100.0 * (double) errors / (double) total : 0.0);
	append_card(out, "card-errors", "5xx rate", buf);
	smart_str tmp = {0};
	append_seconds(&tmp, quantile(&snap->request_duration, bounds, bound_count, 0.5));
	smart_str_0(&tmp);
	append_card(out, "card-p50", "p50 latency", tmp.s ? ZSTR_VAL(tmp.s) : "");
	smart_str_free(&tmp);
	append_seconds(&tmp, quantile(&snap->request_duration, bounds, bound_count, 0.95));
	smart_str_0(&tmp);
	append_card(out, "card-p95", "p95 latency", tmp.s ? ZSTR_VAL(tmp.s) : "");
	smart_str_free(&tmp);
	snprintf(buf, sizeof(buf), "%" PRIu64, snap->slow_requests);
	append_card(out, "card-slow", "slow requests", buf);
	smart_str_appends(out, "</div>");

	bar rate[PERF_METRICS_RATE_SECONDS];
	char rate_labels[PERF_METRICS_RATE_SECONDS][8];
	for (uint32_t i = 0; i < PERF_METRICS_RATE_SECONDS; i++) {
		uint32_t ago = PERF_METRICS_RATE_SECONDS - 1 - i;
		if (ago % 30 == 0) {
			snprintf(rate_labels[i], sizeof(rate_labels[i]), ago ? "-%us" : "now", ago);
		} else {
			rate_labels[i][0] = '\0';
		}
		rate[i].label = rate_labels[i];
		rate[i].value = (double) snap->rate[i];
	}
	smart_str_appends(out, "<div class=\"charts\"><figure><figcaption>Requests per second, last 2 minutes</figcaption>");
	append_bar_chart(out, "chart-rate", "Requests per second", rate, PERF_METRICS_RATE_SECONDS, "#5cb85c");
	smart_str_appends(out, "</figure><figure><figcaption>Latency histogram (requests per duration bucket)</figcaption>");
	append_histogram_chart(out, "chart-latency", "Latency histogram", &snap->request_duration, bounds, bound_count);
	smart_str_appends(out, "</figure></div></section>\n");
}

static void append_slow(smart_str *out, const perf_metrics_snapshot *snap)
{
	smart_str_appends(out, "<section><h2>Recent slow requests</h2><table id=\"slow-requests\">"
		"<thead><tr><th>time (UTC)</th><th>method</th><th>URI</th><th>status</th><th>duration</th></tr></thead><tbody>");
	for (uint32_t i = 0; i < snap->slow_count; i++) {
		const perf_metrics_slow_request *r = &snap->slow[i];
		time_t seconds = (time_t) (r->time_ms / 1000);
		struct tm tm;
		char when[32];
		gmtime_r(&seconds, &tm);
		strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
		smart_str_append_printf(out, "<tr class=\"slow\"><td>%s.%03d</td><td>", when, (int) (r->time_ms % 1000));
		append_html(out, r->method);
		smart_str_appends(out, "</td><td class=\"uri\">");
		append_html(out, r->uri);
		smart_str_append_printf(out, "</td><td>%u</td><td>", r->status);
		append_seconds(out, r->seconds);
		smart_str_appends(out, "</td></tr>");
	}
	if (snap->slow_count == 0) {
		smart_str_appends(out, "<tr><td colspan=\"5\">none yet</td></tr>");
	}
	smart_str_appends(out, "</tbody></table></section>\n");
}

static void append_cache(smart_str *out)
{
	static const char *const drivers[PERF_CACHE_DRIVER_COUNT] = {"memory", "file", "redis"};
	bar ratios[PERF_CACHE_DRIVER_COUNT];

	smart_str_appends(out, "<section id=\"cache\"><h2>Cache</h2><table id=\"cache-drivers\"><thead><tr><th>driver</th>"
		"<th>hits</th><th>misses</th><th>hit ratio</th><th>stores</th><th>evictions</th><th>errors</th></tr></thead><tbody>");
	for (int d = 0; d < PERF_CACHE_DRIVER_COUNT; d++) {
		uint64_t hits = perf_metrics_cache_total(d, PERF_CACHE_HITS), misses = perf_metrics_cache_total(d, PERF_CACHE_MISSES);
		double ratio = hits + misses ? (double) hits / (double) (hits + misses) : 0;
		ratios[d].label = drivers[d];
		ratios[d].value = ratio * 100;
		smart_str_append_printf(out, "<tr><td>%s</td><td>%" PRIu64 "</td><td>%" PRIu64 "</td><td>", drivers[d], hits, misses);
		append_fixed(out, ratio * 100, 1);
		smart_str_append_printf(out, " %%</td><td>%" PRIu64 "</td><td>%" PRIu64 "</td><td>%" PRIu64 "</td></tr>",
			perf_metrics_cache_total(d, PERF_CACHE_STORES), perf_metrics_cache_total(d, PERF_CACHE_EVICTIONS),
			perf_metrics_cache_total(d, PERF_CACHE_ERRORS));
	}
	smart_str_appends(out, "</tbody></table><div class=\"charts\"><figure><figcaption>Hit ratio per driver (%)</figcaption>");
	append_bar_chart(out, "chart-cache-hits", "Cache hit ratio per driver", ratios, PERF_CACHE_DRIVER_COUNT, "#5bc0de");
	smart_str_appends(out, "</figure><figure><figcaption>Memory driver: shared segment</figcaption>");
	if (perf_cache_driver_memory.available()) {
		zval stats;
		array_init(&stats);
		perf_cache_driver_memory.stats(&stats);
		zval *used = zend_hash_str_find(Z_ARRVAL(stats), ZEND_STRL("memory_used"));
		zval *free_bytes = zend_hash_str_find(Z_ARRVAL(stats), ZEND_STRL("memory_free"));
		bar parts[2] = {
			{"used", used ? zval_get_double(used) : 0},
			{"free", free_bytes ? zval_get_double(free_bytes) : 0},
		};
		append_stacked(out, "chart-cache-memory", "Memory driver segment", parts, 2);
		zval_ptr_dtor(&stats);
	} else {
		smart_str_appends(out, "<p class=\"note\">not in use in this SAPI</p>");
	}
	smart_str_appends(out, "</figure></div></section>\n");
}

static void append_opcache(smart_str *out)
{
	perf_opcache_figures op;

	smart_str_appends(out, "<section id=\"opcache\"><h2>OPcache</h2>");
	if (!perf_stats_opcache_figures(&op) || !op.enabled) {
		smart_str_appends(out, "<p class=\"note\">OPcache is not enabled or its status may not be read here.</p></section>\n");
		return;
	}
	char buf[64];
	smart_str_appends(out, "<div class=\"cards\">");
	snprintf(buf, sizeof(buf), "%.2f %%", op.hits + op.misses ? 100.0 * (double) op.hits / (double) (op.hits + op.misses) : 0.0);
	append_card(out, "card-opcache-hits", "hit rate", buf);
	snprintf(buf, sizeof(buf), "%" PRIu64, op.cached_scripts);
	append_card(out, "card-opcache-scripts", "cached scripts", buf);
	snprintf(buf, sizeof(buf), "%" PRIu64, op.restarts_oom + op.restarts_hash + op.restarts_manual);
	append_card(out, "card-opcache-restarts", "restarts", buf);
	smart_str_appends(out, "</div><figure><figcaption>Shared memory</figcaption>");
	bar parts[3] = {
		{"used", (double) op.memory_used},
		{"free", (double) op.memory_free},
		{"wasted", (double) op.memory_wasted},
	};
	append_stacked(out, "chart-opcache-memory", "OPcache memory", parts, 3);
	smart_str_appends(out, "</figure></section>\n");
}

static void append_db(smart_str *out, const perf_metrics_snapshot *snap)
{
	char buf[64];

	smart_str_appends(out, "<section id=\"db\"><h2>Database</h2><div class=\"cards\">");
	snprintf(buf, sizeof(buf), "%" PRIu64, snap->db_queries);
	append_card(out, "card-db-queries", "queries", buf);
	snprintf(buf, sizeof(buf), "%" PRIu64, snap->db_slow_queries);
	append_card(out, "card-db-slow", "slow queries", buf);
	smart_str tmp = {0};
	append_seconds(&tmp, snap->db_duration.count ? snap->db_duration.sum / (double) snap->db_duration.count : 0);
	smart_str_0(&tmp);
	append_card(out, "card-db-mean", "mean time", ZSTR_VAL(tmp.s));
	smart_str_free(&tmp);
	smart_str_appends(out, "</div><figure><figcaption>Query time histogram</figcaption>");
	append_histogram_chart(out, "chart-db", "Query time histogram", &snap->db_duration,
		PERF_G(settings.metrics.buckets), PERF_G(settings.metrics.bucket_count));
	smart_str_appends(out, "</figure></section>\n");
}

static const char style[] =
	"body{font:14px/1.4 system-ui,sans-serif;margin:0;background:#f5f6f8;color:#222}"
	"header{background:#263238;color:#fff;padding:12px 24px}header h1{margin:0;font-size:20px}"
	"header p{margin:2px 0 0;color:#b0bec5;font-size:12px}"
	"section{background:#fff;margin:16px 24px;padding:12px 16px;border-radius:6px;box-shadow:0 1px 2px rgba(0,0,0,.1)}"
	"h2{font-size:16px;margin:0 0 8px}.cards{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:8px}"
	".card{border:1px solid #e0e0e0;border-radius:4px;padding:6px 10px;min-width:90px}"
	".card .label{font-size:11px;color:#666;text-transform:uppercase}.card .value{font-size:18px;font-weight:600}"
	".charts{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}figcaption{font-size:12px;color:#555}"
	".chart .axis{stroke:#999}.chart .tick{font-size:10px;fill:#666}"
	"table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:3px 8px;border-bottom:1px solid #eee}"
	"td.uri{font-family:monospace;word-break:break-all}.note{color:#777}";

ZEND_FUNCTION(perf_dashboard)
{
	smart_str out = {0};
	char when[32];
	time_t now = time(NULL);
	struct tm tm;

	ZEND_PARSE_PARAMETERS_NONE();

	gmtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S UTC", &tm);
	smart_str_appends(&out, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
		"<meta name=\"viewport\" content=\"width=device-width\"><title>perf dashboard</title><style>");
	smart_str_appends(&out, style);
	smart_str_append_printf(&out, "</style></head><body><header><h1>perf dashboard</h1><p>%s &middot; perf %s &middot; "
		"figures of every worker sharing this segment, since start or the last perf_metrics_reset()</p></header>\n",
		when, PHP_PERF_VERSION);

	if (!perf_metrics_active()) {
		smart_str_appends(&out, "<section><p class=\"note\">Metrics are off (perf.metrics_enabled=0).</p></section>");
	} else {
		perf_metrics_snapshot *snap = emalloc(sizeof(*snap));
		perf_metrics_read(snap);
		append_requests(&out, snap);
		append_slow(&out, snap);
		append_cache(&out);
		append_opcache(&out);
		append_db(&out, snap);
		efree(snap);
	}
	smart_str_appends(&out, "</body></html>\n");
	smart_str_0(&out);
	RETURN_STR(out.s);
}
