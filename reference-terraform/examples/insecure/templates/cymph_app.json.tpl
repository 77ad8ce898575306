[
  {
    "name": "${name}",
    "image": "${image}",
    "essential": true,
    "portMappings": [
      { "containerPort": 8000, "hostPort": 8000, "protocol": "tcp" }
    ],
    "environment": [
      { "name": "STAGE", "value": "${stage}" },
      { "name": "DATABASE_HOST", "value": "${db_host}" },
      { "name": "DATABASE_NAME", "value": "wagtail" }
    ],
    "secrets": [
      { "name": "DATABASE_USER", "valueFrom": "${db_username_arn}" },
      { "name": "DATABASE_PASSWORD", "valueFrom": "${db_password_arn}" }
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "/ecs/${stage}-wagtail",
        "awslogs-region": "${region}",
        "awslogs-stream-prefix": "${name}"
      }
    }
  }
]
