#ifndef PERF_STATS_H
#define PERF_STATS_H

#include "php.h"

void perf_stats_minfo(void);

#endif
