<!doctype html>
<title>{{ $user->name }}</title>
<h1>{{ $user->name }} ({{ $total }} posts)</h1>
<ul>
@foreach ($posts as $post)
    <li>{{ $post->title }}</li>
@endforeach
</ul>
<ul>
@foreach ($latest as $post)
    <li>{{ $post->title }} by {{ $post->user->name }}</li>
@endforeach
</ul>
