dnl perf: request timing, slow-request log, runtime stats, metrics and a native cache.

PHP_ARG_ENABLE([perf],
  [whether to enable perf support],
  [AS_HELP_STRING([--enable-perf], [Enable perf support])],
  [yes])

PHP_ARG_WITH([perf-redis],
  [whether perf's Redis cache driver uses hiredis],
  [AS_HELP_STRING([[--with-perf-redis]],
    [perf: Redis cache driver over hiredis, found with pkg-config (default: when hiredis is installed)])],
  [auto],
  [no])

if test "$PHP_PERF" != "no"; then
  AC_DEFINE([HAVE_PERF], [1], [Whether perf is enabled])

  PERF_SOURCES="ext/perf.c \
    ext/lib/ini.c \
    ext/request/request.c \
    ext/log/log.c \
    ext/stats/stats.c \
    ext/db/db.c \
    ext/db/normalize.c \
    ext/db/wrap.c \
    ext/cache/cache.c \
    ext/cache/preload.c \
    ext/cache/value.c \
    ext/cache/driver_memory.c \
    ext/cache/shm_alloc.c \
    ext/cache/shm_reclaim.c \
    ext/cache/counters.c \
    ext/cache/shm_attach.c \
    ext/shm/segment.c \
    ext/cache/driver_file.c \
    ext/cache/driver_redis.c \
    ext/cache/redis_password.c \
    ext/cache/file_format.c \
    ext/metrics/metrics.c \
    ext/metrics/series.c \
    ext/metrics/dashboard.c"

  if test "$PHP_PERF_REDIS" != "no"; then
    PKG_CHECK_MODULES([HIREDIS], [hiredis >= 0.13], [perf_have_hiredis=yes], [perf_have_hiredis=no])
    if test "$perf_have_hiredis" = "yes"; then
      PHP_EVAL_INCLINE([$HIREDIS_CFLAGS])
      PHP_EVAL_LIBLINE([$HIREDIS_LIBS], [PERF_SHARED_LIBADD])
      AC_DEFINE([PERF_HAVE_HIREDIS], [1], [Whether perf's Redis driver is built])
    elif test "$PHP_PERF_REDIS" = "yes"; then
      AC_MSG_ERROR([--with-perf-redis was given but hiredis was not found by pkg-config (install libhiredis-dev)])
    fi
  fi

  PHP_NEW_EXTENSION([perf], [$PERF_SOURCES], [$ext_shared], , [-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 -std=gnu11 -fvisibility=hidden -Wall -Wextra -Wno-unused-parameter])
  PHP_ADD_INCLUDE([$ext_srcdir/ext])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext/lib])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext/request])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext/log])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext/stats])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext/cache])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext/db])
  PHP_ADD_BUILD_DIR([$ext_builddir/ext/metrics])
  PHP_SUBST([PERF_SHARED_LIBADD])
fi
