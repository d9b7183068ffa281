<?php
namespace App\Http\Controllers;

use App\Models\Post;
use App\Models\User;
use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Facades\DB;

class PageController
{
    public function hello()
    {
        return 'Hello, world';
    }

    /* Four queries: a user, their posts, a count, and the authors of the latest posts (eager loaded). */
    public function posts()
    {
        $user = User::find(1);
        $posts = $user->posts()->orderBy('id')->get();
        $total = DB::table('posts')->count();
        $latest = Post::with('user')->orderByDesc('id')->limit(5)->get();
        return view('posts', compact('user', 'posts', 'total', 'latest'));
    }

    public function cached()
    {
        return Cache::remember('cached-page', 3600, fn () => view('posts', [
            'user' => User::find(1), 'posts' => collect(), 'total' => 0, 'latest' => collect(),
        ])->render());
    }
}
