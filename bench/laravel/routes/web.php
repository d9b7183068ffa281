<?php
use App\Http\Controllers\PageController;
use Illuminate\Support\Facades\Route;

Route::get('/hello', [PageController::class, 'hello']);
Route::get('/posts', [PageController::class, 'posts']);
Route::get('/cached', [PageController::class, 'cached']);
