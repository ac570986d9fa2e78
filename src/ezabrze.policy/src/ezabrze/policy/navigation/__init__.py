"""Site navigation: the navigation portlet rendered once per change for anonymous visitors."""
