variable "name" {
  description = "Repository name, e.g. wagtail."
  type        = string
}

variable "keep_tagged_images" {
  description = "How many tagged images to keep; older ones expire."
  type        = number
  default     = 30
}

variable "untagged_image_expiry_days" {
  description = "Untagged images (superseded layers of failed pushes) expire after this many days."
  type        = number
  default     = 7
}

variable "aws" {
  description = "Account, region and partition the resources go to (passed in rather than looked up, so that planning needs no AWS call)."
  type = object({
    account_id = string
    region     = string
    partition  = optional(string, "aws")
  })
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
