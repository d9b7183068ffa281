<?php

declare(strict_types=1);

namespace Perf\Bridge\Tests\Symfony;

use Perf\Bridge\Symfony\PerfAdapter;
use Perf\Bridge\Tests\Driver;
use PHPUnit\Framework\TestCase;
use Symfony\Component\Cache\DependencyInjection\CachePoolPass;
use Symfony\Component\HttpKernel\CacheClearer\Psr6CacheClearer;
use Symfony\Component\Config\FileLocator;
use Symfony\Component\DependencyInjection\ChildDefinition;
use Symfony\Component\DependencyInjection\ContainerBuilder;
use Symfony\Component\DependencyInjection\Loader\PhpFileLoader;

/**
 * The shipped service definition, loaded into a real ContainerBuilder and processed by Symfony's
 * CachePoolPass the way FrameworkBundle does for framework.cache.pools.
 */
final class ServiceDefinitionTest extends TestCase
{
	public function testPoolsMadeFromTheAbstractAdapterGetTheirOwnNamespaces(): void
	{
		$container = new ContainerBuilder();
		$container->setParameter('kernel.project_dir', __DIR__);
		$container->setParameter('kernel.container_class', 'TestContainer');
		$container->setParameter('cache.prefix.seed', 'test-seed');
		/* What FrameworkBundle defines and CachePoolPass fills in. */
		$container->register('cache.default_clearer', Psr6CacheClearer::class)->setArguments([[]])->setPublic(true);
		(new PhpFileLoader($container, new FileLocator(__DIR__ . '/../../src/Symfony/Resources/config')))->load('services.php');
		$this->assertTrue($container->getDefinition('cache.adapter.perf')->isAbstract());

		foreach (['pool.a' => 600, 'pool.b' => 0] as $name => $lifetime) {
			$pool = new ChildDefinition('cache.adapter.perf');
			$pool->replaceArgument(2, Driver::name());
			$pool->addTag('cache.pool', ['default_lifetime' => $lifetime]);
			$pool->setPublic(true);
			$container->setDefinition($name, $pool);
		}
		(new CachePoolPass())->process($container);
		$container->compile();

		$a = $container->get('pool.a');
		$b = $container->get('pool.b');
		$this->assertInstanceOf(PerfAdapter::class, $a);
		$this->assertSame(Driver::name(), $a->native()->driver());
		$a->clear();
		$b->clear();
		$a->save($a->getItem('k')->set('a'));
		$b->save($b->getItem('k')->set('b'));
		$this->assertSame('a', $a->getItem('k')->get(), 'each pool has its own namespace');
		$this->assertSame('b', $b->getItem('k')->get());
		$a->clear();
		$this->assertFalse($a->getItem('k')->isHit());
		$this->assertSame('b', $b->getItem('k')->get(), "clearing one pool leaves the other's entries");
		$container->get('cache.default_clearer')->clearPool('pool.b');
		$this->assertFalse($b->getItem('k')->isHit(), 'the pool is registered with the clearer (cache:pool:clear)');
	}
}
