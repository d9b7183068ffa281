/*
 * perf.redis_password is never shown: not by phpinfo() (the displayer), and not by ini_get() or
 * ini_get_all(), which read the entry's value directly. The entry therefore holds a mask, and the
 * password is kept here: the php.ini value from startup, and a per-directory or per-worker value
 * (.user.ini, php_value, [PATH=] sections, php-fpm's php_admin_value, all applied before RINIT)
 * copied out at RINIT. At request end the engine gives the startup value (the mask itself) back
 * to the handler, which maps it to the startup password. The setting is
 * PHP_INI_SYSTEM|PHP_INI_PERDIR: no script can set or read it. Built with or without hiredis:
 * the setting exists either way.
 */

#ifdef HAVE_CONFIG_H
#include "config.h"
#endif

#include "php.h"
#include "php_ini.h"

#include "php_perf.h"
#include "cache/cache.h"

#define PASSWORD_MASK "********"

static zend_string *password_mask;
static char *startup_password;
/* The current request's per-directory value (per thread under ZTS). */
static PERF_CACHE_LOCAL char *directory_password;
/* The setting's entry in this thread's table of settings (each thread of a ZTS SAPI has a copy). */
static PERF_CACHE_LOCAL zend_ini_entry *password_ini_entry;

ZEND_INI_MH(perf_redis_ini_update_password)
{
	if (password_mask && new_value == password_mask) {
		PERF_G(settings.redis.password) = startup_password;
		return SUCCESS;
	}
	return OnUpdateString(entry, new_value, mh_arg1, mh_arg2, mh_arg3, stage);
}

ZEND_INI_DISP(perf_redis_ini_display_password)
{
	zend_string *value = type == ZEND_INI_DISPLAY_ORIG && ini_entry->modified ? ini_entry->orig_value : ini_entry->value;
	const char *shown = value && ZSTR_LEN(value) ? PASSWORD_MASK : "no value";

	PHPWRITE(shown, strlen(shown));
}

/* Looked up once per thread: a hash lookup at every request start is most of what this file costs a request. */
static zend_ini_entry *password_entry(void)
{
	if (!password_ini_entry) {
		password_ini_entry = zend_hash_str_find_ptr(EG(ini_directives), ZEND_STRL("perf.redis_password"));
	}
	return password_ini_entry;
}

static void free_password(char **password)
{
	if (*password) {
		ZEND_SECURE_ZERO(*password, strlen(*password));
		pefree(*password, 1);
		*password = NULL;
	}
}

void perf_redis_password_minit(void)
{
	zend_ini_entry *entry = password_entry();

	if (!entry || !entry->value || ZSTR_LEN(entry->value) == 0) {
		return;
	}
	startup_password = pestrndup(ZSTR_VAL(entry->value), ZSTR_LEN(entry->value), 1);
	password_mask = zend_string_init(PASSWORD_MASK, sizeof(PASSWORD_MASK) - 1, 1);
	zend_string_release(entry->value);
	entry->value = password_mask;
	PERF_G(settings.redis.password) = startup_password;
}

void perf_redis_password_rinit(void)
{
	zend_ini_entry *entry = password_entry();

	/* The previous request's copy: the engine pointed the setting back at the startup value when that request ended. */
	free_password(&directory_password);
	if (!entry || !entry->value || entry->value == password_mask || ZSTR_LEN(entry->value) == 0) {
		return;
	}
	if (!entry->modified) {
		/* Set for the whole worker after MINIT (php-fpm's php_admin_value): it is the startup value from now on. */
		free_password(&startup_password);
		startup_password = pestrndup(ZSTR_VAL(entry->value), ZSTR_LEN(entry->value), 1);
		if (password_mask) {
			zend_string_release(password_mask);
		}
		password_mask = zend_string_init(PASSWORD_MASK, sizeof(PASSWORD_MASK) - 1, 1);
		zend_string_release(entry->value);
		entry->value = password_mask;
		PERF_G(settings.redis.password) = startup_password;
		return;
	}
	directory_password = pestrndup(ZSTR_VAL(entry->value), ZSTR_LEN(entry->value), 1);
	PERF_G(settings.redis.password) = directory_password;
	if (entry->value != entry->orig_value) {
		zend_string_release(entry->value);
	}
	entry->value = zend_string_init(PASSWORD_MASK, sizeof(PASSWORD_MASK) - 1, 0);
}

void perf_redis_password_mshutdown(void)
{
	zend_ini_entry *entry = password_entry();

	if (entry && password_mask && entry->value == password_mask) {
		/* zend_unregister_ini_entries() releases the entry's value. */
		password_mask = NULL;
	} else if (password_mask) {
		zend_string_release(password_mask);
		password_mask = NULL;
	}
	free_password(&directory_password);
	free_password(&startup_password);
	/* A module kept loaded across a restart (Apache graceful) must not reuse the unregistered entry. */
	password_ini_entry = NULL;
}
