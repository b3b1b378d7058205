"""What the server does with its data, a service per resource; `ServerStore` is all of them."""
