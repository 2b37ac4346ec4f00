mod basics;
mod patterns;
