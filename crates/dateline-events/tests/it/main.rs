mod patterns;
mod props;
