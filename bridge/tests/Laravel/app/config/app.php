<?php

return [
	'name' => 'perf-bridge-test',
	'env' => 'testing',
	'debug' => true,
	'key' => 'base64:' . base64_encode(str_repeat('k', 32)),
	'cipher' => 'AES-256-CBC',
	'providers' => [
		Illuminate\Auth\AuthServiceProvider::class,
		Illuminate\Cache\CacheServiceProvider::class,
		Illuminate\Cookie\CookieServiceProvider::class,
		Illuminate\Filesystem\FilesystemServiceProvider::class,
		Illuminate\Session\SessionServiceProvider::class,
		Perf\Bridge\Laravel\PerfServiceProvider::class,
		TestApp\RouteServiceProvider::class,
	],
	'aliases' => [
		'Cache' => Illuminate\Support\Facades\Cache::class,
		'Auth' => Illuminate\Support\Facades\Auth::class,
		'Route' => Illuminate\Support\Facades\Route::class,
	],
];
