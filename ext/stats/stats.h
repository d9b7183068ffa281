#ifndef PERF_STATS_H
#define PERF_STATS_H

#include "php.h"

void perf_stats_minfo(void);

/* OPcache's figures as numbers, for metrics and the dashboard. */
typedef struct {
	bool enabled;
	uint64_t hits;
	uint64_t misses;
	uint64_t cached_scripts;
	uint64_t memory_used;
	uint64_t memory_free;
	uint64_t memory_wasted;
	uint64_t restarts_oom;
	uint64_t restarts_hash;
	uint64_t restarts_manual;
} perf_opcache_figures;

/* False when OPcache is not loaded or its status may not be read from this script (opcache.restrict_api). */
bool perf_stats_opcache_figures(perf_opcache_figures *figures);

#endif
