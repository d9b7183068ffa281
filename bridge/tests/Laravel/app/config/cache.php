<?php

/* Like an application's config/cache.php, with the perf store as the default. */
return [
	'default' => 'perf',
	'stores' => [
		'perf' => ['driver' => 'perf', 'connection' => 'memory'],
		'array' => ['driver' => 'array', 'serialize' => false],
	],
	'prefix' => 'app_cache',
];
