<?php

declare(strict_types=1);

namespace TestApp;

use Illuminate\Auth\GenericUser;
use Illuminate\Contracts\Auth\Authenticatable;
use Illuminate\Contracts\Auth\UserProvider;

/** Every id is a user: enough for the session guard to sign one in. */
final class MemoryUserProvider implements UserProvider
{
	public function retrieveById($identifier)
	{
		return new GenericUser(['id' => (int) $identifier, 'remember_token' => null]);
	}

	public function retrieveByToken($identifier, $token)
	{
		return null;
	}

	public function updateRememberToken(Authenticatable $user, $token)
	{
	}

	public function retrieveByCredentials(array $credentials)
	{
		return null;
	}

	public function validateCredentials(Authenticatable $user, array $credentials)
	{
		return false;
	}
}
