"""Site navigation: the navigation portlet, the breadcrumbs, next/previous and feed links rendered once per
change for anonymous visitors."""
