<?php

return [
	'defaults' => ['guard' => 'web'],
	'guards' => ['web' => ['driver' => 'session', 'provider' => 'users']],
	'providers' => ['users' => ['driver' => 'memory']],
];
